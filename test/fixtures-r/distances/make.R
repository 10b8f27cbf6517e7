# TraMineR references for the distances and costs of issue 17 (OMstran, OMloc,
# OMslen, NMS, NMSMST, SVRspell, FUTURE, FEATURES, lag) on a small synthetic panel.
# Run from this folder: R_LIBS=/work/rlib Rscript make.R   (R 4.2.2, TraMineR 2.2-12)
suppressMessages(library(TraMineR))
options(digits = 15)

# panel.csv: 30 persons x 20 months over a, b, c, d (Markov chain), 9 censored, weights
set.seed(1717)
states <- c("a", "b", "c", "d")
n <- 30; t <- 20
P <- matrix(c(.80, .10, .05, .05,
              .10, .75, .10, .05,
              .05, .15, .70, .10,
              .10, .05, .15, .70), 4, byrow = TRUE)
m <- matrix(NA_character_, n, t)
for (i in 1:n) {
  s <- sample(4, 1)
  for (j in 1:t) { m[i, j] <- states[s]; s <- sample(4, 1, prob = P[s, ]) }
}
for (i in sample(n, 9)) m[i, (sample(8:18, 1) + 1):t] <- NA
d <- data.frame(id = sprintf("p%02d", 1:n), weight = round(runif(n, .2, 3), 2), m)
names(d)[3:(t + 2)] <- sprintf("m%02d", 1:t)
write.csv(d, "panel.csv", row.names = FALSE)
# panel_gaps.csv: the same with 6% of the observed months missing (inner gaps only)
g <- m
for (i in 1:n) {
  len <- sum(!is.na(m[i, ]))
  inner <- which(runif(len) < .06 & seq_len(len) > 1 & seq_len(len) < len)
  g[i, inner] <- NA
}
dg <- d; dg[, 3:(t + 2)] <- g
write.csv(dg, "panel_gaps.csv", row.names = FALSE)

s <- suppressMessages(seqdef(d, 3:(t + 2), weights = d$weight, right = "DEL"))
sg <- suppressMessages(seqdef(dg, 3:(t + 2), weights = dg$weight, right = "DEL"))

q <- function(x) suppressWarnings(suppressMessages(x))
tri <- function(x) { x <- as.matrix(x); signif(x[lower.tri(x)], 12) }
prox <- matrix(c(1, .5, .2, 0, .5, 1, .3, 0, .2, .3, 1, .4, 0, 0, .4, 1), 4)
feat <- data.frame(hours = c(40, 20, 0, 10), kind = factor(c("work", "work", "school", "none")),
                   flag = c(1, 0, 0, 1), size = c(10, 100, 1000, 50))
fut2 <- q(seqcost(s, "FUTURE", lag = 2))
trm1 <- q(seqcost(s, "TRATE", lag = -1))
fea <- q(seqcost(s, "FEATURES", state.features = feat, feature.weights = c(1, 2, .5, 1),
                 feature.type = list(asymm = "flag", logratio = "size")))

costs <- data.frame(future_lag2 = as.vector(fut2$sm), trate_lag_minus1 = as.vector(trm1$sm), features = as.vector(fea$sm))
write.csv(signif(costs, 12), "costs.csv", row.names = FALSE)
write.csv(data.frame(future_lag2 = fut2$indel, trate_lag_minus1 = trm1$indel, features = fea$indel), "costs_indel.csv", row.names = FALSE)

dist <- list(
  omstran_prev_prob_auto = q(seqdist(s, "OMstran", sm = "TRATE", otto = .3, previous = TRUE, transindel = "prob", norm = "auto")),
  omstran_indelslog_noadd_subcost = q(seqdist(s, "OMstran", sm = "INDELSLOG", otto = .7, add.column = FALSE, transindel = "subcost")),
  omstran_constant_otto1 = q(seqdist(s, "OMstran", sm = "CONSTANT", otto = 1, indel = 2)),
  omloc_trate_auto = q(seqdist(s, "OMloc", sm = "TRATE", expcost = .2, norm = "auto")),
  omloc_future_maxdist = q(seqdist(s, "OMloc", sm = q(seqcost(s, "FUTURE"))$sm, expcost = .5, context = 1, norm = "maxdist")),
  omslen_gmean_yujianbo = q(seqdist(s, "OMslen", sm = "TRATE", link = "gmean", h = 1, norm = "YujianBo")),
  omslen_indels_h0_gmeannorm = q(seqdist(s, "OMslen", sm = "INDELS", link = "mean", h = 0, norm = "gmean")),
  nms_prox_kweights = q(seqdist(s, "NMS", prox = prox, kweights = c(1, .5, .25, rep(.1, 17)))),
  nms = q(seqdist(s, "NMS")),
  nmsmst_tpow_kweights = q(seqdist(s, "NMSMST", tpow = .5, kweights = 2)),
  svrspell_prox_tpow = q(seqdist(s, "SVRspell", prox = prox, tpow = 2)),
  om_future_lag2 = q(seqdist(s, "OM", sm = fut2$sm, indel = fut2$indel)),
  om_trate_lag_minus1 = q(seqdist(s, "OM", sm = trm1$sm, indel = trm1$indel)),
  om_features = q(seqdist(s, "OM", sm = fea$sm, indel = fea$indel))
)
write.csv(as.data.frame(lapply(dist, tri)), "dist.csv", row.names = FALSE)

futg <- q(seqcost(sg, "FUTURE", with.missing = TRUE))
gaps <- list(
  omstran = q(seqdist(sg, "OMstran", sm = "TRATE", otto = .5, with.missing = TRUE)),
  omloc = q(seqdist(sg, "OMloc", sm = "CONSTANT", with.missing = TRUE)),
  omslen = q(seqdist(sg, "OMslen", sm = "TRATE", with.missing = TRUE)),
  nms = q(seqdist(sg, "NMS", with.missing = TRUE)),
  nmsmst = q(seqdist(sg, "NMSMST", with.missing = TRUE)),
  svrspell = q(seqdist(sg, "SVRspell", with.missing = TRUE)),
  om_future = q(seqdist(sg, "OM", sm = futg$sm, indel = futg$indel, with.missing = TRUE))
)
write.csv(as.data.frame(lapply(gaps, tri)), "dist_gaps.csv", row.names = FALSE)

# distances to a reference sequence outside the data, and to a row
ref <- q(seqdef(data.frame(t(c(rep("c", 6), rep("a", 8)))), alphabet = states))
refs <- data.frame(
  omstran_auto_ref = q(seqdist(s, "OMstran", sm = "TRATE", otto = .3, norm = "auto", refseq = ref)),
  omloc_ref = q(seqdist(s, "OMloc", sm = "TRATE", refseq = ref)),
  omslen_ref = q(seqdist(s, "OMslen", sm = "TRATE", refseq = ref)),
  svrspell_ref = q(seqdist(s, "SVRspell", refseq = ref)),
  nms_row5 = q(seqdist(s, "NMS", refseq = 5))
)
write.csv(signif(refs, 12), "refseq.csv", row.names = FALSE)
