# Multichannel references (seqMD) on panel.csv and a second channel made from it; see README.md.
# Run from this folder after make-panel.R: R_LIBS=/work/rlib Rscript make-channels.R
suppressMessages(library(TraMineR))
q <- function(expr) suppressWarnings(suppressMessages(expr))
d <- read.csv("panel.csv")
m <- as.matrix(d[, 3:26])
set.seed(4)
# hours: job -> full or part, edu/train -> part or none, unemp/inact -> none; gaps where the state is missing
h <- matrix(NA_character_, nrow(m), ncol(m))
h[m %in% "job"] <- sample(c("full", "part"), sum(m %in% "job"), TRUE, c(.7, .3))
h[m %in% c("edu", "train")] <- sample(c("part", "none"), sum(m %in% c("edu", "train")), TRUE, c(.3, .7))
h[m %in% c("unemp", "inact")] <- "none"
h[matrix(runif(length(h)) < .03, nrow(h)) & !is.na(h)] <- NA          # a few extra gaps
hours <- data.frame(id = d$id, h); names(hours)[-1] <- names(d)[3:26]
write.csv(hours, "channel_hours.csv", row.names = FALSE)
s <- q(seqdef(d, 3:26))[1:40, ]
hs <- q(seqdef(hours, 2:25))[1:40, ]
pairs <- function(x) { x <- as.matrix(x); x[lower.tri(x)] }
md <- function(...) pairs(q(seqMD(list(s, hs), what = "diss", ...)))
out <- data.frame(
  om_trate_const = md(method = "OM", sm = list("TRATE", "CONSTANT")),
  lcs = md(method = "LCS"),
  ham = md(method = "HAM"),
  dhd = md(method = "DHD"),
  om_mean_cweight = md(method = "OM", sm = list("INDELSLOG", "TRATE"), cweight = c(2, 1), link = "mean"),
  om_indel_norm = md(method = "OM", sm = "TRATE", indel = c(1, 2), norm = "auto"))
write.csv(signif(out, 15), "md_dist.csv", row.names = FALSE)
# CAT costs with their combined alphabet
cost <- q(seqMD(list(s, hs), sm = list("TRATE", "CONSTANT"), what = "cost", cweight = c(1, 3)))
write.csv(signif(cost, 15), "md_cost.csv")
write.csv(data.frame(indel = attr(cost, "indel")), "md_cost_indel.csv", row.names = FALSE)
