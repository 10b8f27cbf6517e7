# Writes panel.csv: a small synthetic panel with gaps, leading gaps, censoring
# and weights, on which make-references.R computes TraMineR references.
# Run from this folder: R_LIBS=/work/rlib Rscript make-panel.R
set.seed(17)
states <- c("job", "edu", "train", "unemp", "inact")
n <- 80; t <- 24
P <- matrix(c(.85, .02, .03, .07, .03,
              .10, .80, .05, .03, .02,
              .20, .05, .60, .10, .05,
              .20, .05, .10, .55, .10,
              .10, .05, .05, .15, .65), 5, byrow = TRUE)
m <- matrix(NA_character_, n, t)
for (i in 1:n) {
  s <- sample(5, 1, prob = c(.3, .3, .1, .2, .1))
  for (j in 1:t) { m[i, j] <- states[s]; s <- sample(5, 1, prob = P[s, ]) }
}
m[matrix(runif(n * t) < .06, n, t)] <- NA            # gaps anywhere (some leading, some trailing)
for (i in sample(n, 20)) m[i, (sample(12:22, 1) + 1):t] <- NA   # censored sequences
m[5, ] <- c("job", rep("train", 22), "job")           # a one-spell run with ends in another state
m[6, ] <- c(rep(NA, 3), rep("edu", 21))               # leading gap, one state
m[7, ] <- rep(states, length.out = t)                 # maximal turbulence
d <- data.frame(id = sprintf("p%02d", 1:n), weight = round(runif(n, .2, 3), 2), m)
names(d)[3:(t + 2)] <- sprintf("m%02d", 1:t)
write.csv(d, "panel.csv", row.names = FALSE)
