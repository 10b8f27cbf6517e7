# TraMineR 2.2-12 references on panel.csv (see README.md); run from this folder:
# R_LIBS=/work/rlib Rscript make-references.R
suppressMessages(library(TraMineR))
d <- read.csv("panel.csv")
months <- 3:26
s <- suppressMessages(seqdef(d, months, weights = d$weight))
su <- suppressMessages(seqdef(d, months))                       # unweighted
out <- function(x, file) write.csv(signif(as.data.frame(x), 15), file, row.names = FALSE)
q <- function(expr) suppressWarnings(suppressMessages(expr))

## Missing states: distribution, transition rates, mean time (weighted)
out(q(seqstatd(s, with.missing = TRUE))$Frequencies, "statd_missing.csv")
out(q(seqtrate(s, with.missing = TRUE)), "trate_missing.csv")
out(t(q(seqmeant(s, with.missing = TRUE))), "meant_missing.csv")

## seqindic
all <- c("all", "meand2", "dustd2")
out(q(seqindic(s, indic = all)), "indic_all.csv")
out(q(seqindic(s, indic = all, with.missing = TRUE)), "indic_all_missing.csv")
bin <- c("ppos", "nvolat", "vpos", "integr")
out(q(seqindic(s, indic = bin, ipos.args = list(pos.states = c("job", "edu")))), "indic_binary.csv")
out(q(seqindic(s, indic = bin, ipos.args = list(pos.states = c("job", "edu")), with.missing = TRUE)), "indic_binary_missing.csv")
out(q(seqindic(s, indic = bin, ipos.args = list(pos.states = "job", neg.states = c("unemp", "inact"), w = .3, pow = 2))), "indic_binary_neg.csv")
ranked <- c("degrad", "bad", "prec", "insec")
order5 <- c("job", "edu", "train", "inact", "unemp")
out(q(seqindic(s, indic = ranked, prec.args = list(state.order = order5))), "indic_ranked.csv")
out(q(seqindic(su, indic = ranked, prec.args = list(state.order = order5))), "indic_ranked_unweighted.csv")
out(q(seqindic(s, indic = ranked, with.missing = TRUE)), "indic_ranked_missing.csv")
out(q(seqindic(s, indic = ranked, with.missing = TRUE, prec.args = list(state.order = order5))), "indic_ranked_missing_order.csv")
out(q(seqindic(s, indic = ranked, prec.args = list(state.order = c("job", "edu", "train", "unemp"),
  state.equiv = list(c("edu", "train"))))), "indic_ranked_equiv.csv")

## Options of the ranked indicators one by one
o <- list(state.order = order5)
dg <- function(...) as.vector(q(seqidegrad(s, state.order = order5, ...)))
opts <- data.frame(
  degrad_freq = dg(method = "FREQ"), degrad_trate = dg(method = "TRATE"),
  degrad_tratedss = dg(method = "TRATEDSS"), degrad_one = dg(method = "ONE"),
  degrad_freqplus = dg(method = "FREQ+"), degrad_rankplus = dg(method = "RANK+"),
  degrad_inv = dg(method = "TRATEDSS", weight.type = "INV"),
  degrad_loginv = dg(method = "TRATEDSS", weight.type = "LOGINV", border.effect = 4),
  degrad_neg = dg(penalized = "NEG"), degrad_pos = dg(penalized = "POS"),
  degrad_nointegr = dg(pow = FALSE), degrad_pow2 = dg(pow = 2),
  degrad_stprec = as.vector(q(seqidegrad(s, stprec = c(.5, 3, 0, 1, 4)))),
  prec_otto = as.vector(q(seqprecarity(s, state.order = order5, otto = .5, a = .5, b = 1))),
  prec_rank = as.vector(q(seqprecarity(s, state.order = order5, method = "RANK"))),
  insec_bound = as.vector(q(seqinsecurity(s, state.order = order5, bound = TRUE))),
  insec_pow = as.vector(q(seqinsecurity(s, state.order = order5, pow = 2, spow = 1))),
  bad_pow2 = as.vector(q(seqibad(s, state.order = order5, pow = 2))),
  bad_stprec = as.vector(q(seqibad(s, stprec = c(.5, 3, 0, 1, 4)))))
out(opts, "indic_ranked_options.csv")

## Distances with missing states (first 40 rows; HAM and DHD on the uncensored ones)
s40 <- s[1:40, ]
full <- which(seqlength(s40) == 24)
pairs <- function(m) m[lower.tri(m)]
dd <- function(x, ...) pairs(as.matrix(q(seqdist(x, with.missing = TRUE, ...))))
dm <- list(
  om_trate = dd(s40, method = "OM", sm = "TRATE"),
  om_trate_auto = dd(s40, method = "OM", sm = "TRATE", indel = 1.5, norm = "auto"),
  om_indels = dd(s40, method = "OM", sm = "INDELS"),
  om_indelslog = dd(s40, method = "OM", sm = "INDELSLOG"),
  lcs = dd(s40, method = "LCS"), lcp = dd(s40, method = "LCP"), rlcp = dd(s40, method = "RLCP"),
  omspell = dd(s40, method = "OMspell", sm = "TRATE", expcost = 0.5),
  twed = dd(s40, method = "TWED", sm = "TRATE", nu = 0.5),
  chi2 = dd(s40, method = "CHI2", step = 4), euclid = dd(s40, method = "EUCLID", step = 4))
out(as.data.frame(dm), "dist_missing.csv")
out(data.frame(ham = dd(s40[full, ], method = "HAM"), ham_trate = dd(s40[full, ], method = "HAM", sm = "TRATE"),
  dhd = dd(s40[full, ], method = "DHD")), "dist_missing_equal.csv")
write.csv(data.frame(row = full), "dist_missing_equal_rows.csv", row.names = FALSE)

## The methods of issue 17 with missing states (first 40 rows): OMloc, OMslen, OMstran, NMS, NMSMST, SVRspell, FUTURE costs
f <- q(seqcost(s40, method = "FUTURE", with.missing = TRUE))
dm2 <- list(
  omloc = dd(s40, method = "OMloc", sm = "TRATE", expcost = 0.5, context = 0),
  omslen = dd(s40, method = "OMslen", sm = "TRATE", link = "mean", h = 0.5),
  omstran = dd(s40, method = "OMstran", sm = "TRATE", otto = 0.1),
  nms = dd(s40, method = "NMS"), nmsmst = dd(s40, method = "NMSMST"), svrspell = dd(s40, method = "SVRspell"),
  om_future = dd(s40, method = "OM", sm = f$sm, indel = f$indel))
out(as.data.frame(dm2), "dist_missing_more.csv")

## Time-varying transition rates and substitution costs with a chosen miss.cost
tv <- q(seqtrate(s, with.missing = TRUE, time.varying = TRUE))
out(data.frame(month = rep(seq_len(dim(tv)[3]), each = dim(tv)[1] * dim(tv)[2]), rate = as.vector(tv)), "trate_tv_missing.csv")
out(q(seqcost(s, method = "TRATE", with.missing = TRUE, miss.cost = 3))$sm, "sm_trate_misscost3.csv")
out(q(seqcost(s, method = "CONSTANT", cval = 1.5, with.missing = TRUE, miss.cost = 0.5))$sm, "sm_constant_misscost.csv")
