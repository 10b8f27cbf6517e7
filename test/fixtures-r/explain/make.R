# References for test/explain (issue 18): run from this folder with
#   R_LIBS=/work/rlib Rscript make.R
# TraMineR 2.2-12 and WeightedCluster as built in /work/rlib, R 4.2.
suppressMessages({ library(TraMineR); library(WeightedCluster) })
data(mvad)
s <- seqdef(mvad, 17:86)
sm <- seqsubm(s, method = "TRATE")
om <- seqdist(s, method = "OM", indel = 1, sm = sm)
num <- function(x) format(x, digits = 17)

# covariates beyond the fixture's: a 5-level region and a numeric one with NA
mvad$region <- factor(ifelse(mvad$Belfast == "yes", "Belfast", ifelse(mvad$N.Eastern == "yes", "NE",
  ifelse(mvad$Southern == "yes", "S", ifelse(mvad$S.Eastern == "yes", "SE", "W")))))
mvad$x5 <- mvad$id %% 5
mvad$x5[1:30] <- NA
write.csv(data.frame(id = mvad$id, region = mvad$region, x5 = mvad$x5), "mvad_extra_covariates.csv", row.names = FALSE, na = "")

nodes <- function(tree) {
  out <- list()
  walk <- function(node) {
    sp <- node$split
    out[[length(out) + 1]] <<- data.frame(id = node$id, depth = node$info$depth, n = num(node$info$n),
      vardis = num(node$info$vardis), medoid = node$info$medoid,
      variable = if (is.null(sp)) "" else colnames(tree$data)[sp$varindex],
      R2 = if (is.null(sp)) "" else num(sp$info$R2),
      left = if (is.null(sp)) "" else if (!is.null(sp$breaks)) paste("<=", num(sp$breaks)) else paste(sp$labels[sp$index == 1], collapse = ";"),
      na_group = if (is.null(sp) || is.null(sp$naGroup)) "" else sp$naGroup)
    if (!is.null(node$kids)) { walk(node$kids[[1]]); walk(node$kids[[2]]) }
  }
  walk(tree$root)
  do.call(rbind, out)
}
t1 <- disstree(om ~ male + funemp + gcse5eq + Grammar + fmpr, data = mvad, R = 1, pval = 1, max.depth = 3, min.size = 0.05)
write.csv(nodes(t1), "mvad_tree_depth3_nodes.csv", row.names = FALSE)
t2 <- disstree(om ~ region + x5 + gcse5eq + male, data = mvad, R = 1, pval = 1, max.depth = 4, min.size = 0.05)
write.csv(nodes(t2), "mvad_tree_region_x5_nodes.csv", row.names = FALSE)
t3 <- disstree(om ~ region + x5 + gcse5eq, data = mvad, weights = mvad$weight, weight.permutation = "diss",
  R = 1, pval = 1, max.depth = 3, min.size = 0.1)
write.csv(nodes(t3), "mvad_tree_weighted_nodes.csv", row.names = FALSE)
write.csv(data.frame(tree = c("depth3", "region_x5", "weighted"),
  R2 = num(c(t1$info$adjustment$stat[3, 1], t2$info$adjustment$stat[3, 1], t3$info$adjustment$stat[3, 1]))),
  "mvad_tree_r2.csv", row.names = FALSE)

# weighted discrepancy analysis (weights permuted with "diss"; R = 1: statistics only)
a <- dissassoc(om, group = mvad$region, weights = mvad$weight, R = 1, weight.permutation = "diss")
write.csv(data.frame(stat = rownames(a$stat), value = num(a$stat[, 1])), "mvad_dissassoc_region_weighted.csv", row.names = FALSE)
write.csv(data.frame(level = rownames(a$groups), n = num(a$groups$n), discrepancy = num(a$groups$discrepancy)),
  "mvad_dissassoc_region_weighted_groups.csv", row.names = FALSE)
write.csv(data.frame(total = num(dissvar(om, weights = mvad$weight)), squared = num(dissvar(om, squared = TRUE))),
  "mvad_dissvar_weighted_squared.csv", row.names = FALSE)
mf <- dissmfacw(om ~ region + male + gcse5eq, data = mvad, weights = mvad$weight, R = 1)
write.csv(data.frame(Variable = mf$mfac$Variable, PseudoF = num(mf$mfac$PseudoF), PseudoR2 = num(mf$mfac$PseudoR2)),
  "mvad_dissmfacw_weighted.csv", row.names = FALSE)

# representatives: more criteria, nrep, and weighted sequences
rep_table <- function(r) {
  st <- attr(r, "Statistics")
  k <- nrow(st) - 1
  data.frame(rep_row = c(attr(r, "Index"), NA), na = num(st$na), nb = num(st$nb), SD = num(st$SD), MD = num(st$MD),
    DC = num(st$DC), V = num(st$V), Q = num(st$Q))
}
for (crit in c("mscore", "prob")) {
  r <- suppressMessages(seqrep(s, diss = om, criterion = crit, coverage = 0.25))
  write.csv(rep_table(r), paste0("mvad_seqrep_", crit, "_cov0.25.csv"), row.names = FALSE)
}
r <- suppressMessages(seqrep(s, diss = om, criterion = "density", nrep = 5, pradius = 0.05))
write.csv(rep_table(r), "mvad_seqrep_density_nrep5_pradius0.05.csv", row.names = FALSE)
sw <- seqdef(mvad, 17:86, weights = mvad$weight)
r <- suppressMessages(seqrep(sw, diss = om, criterion = "density", coverage = 0.3))
write.csv(rep_table(r), "mvad_seqrep_density_weighted_cov0.3.csv", row.names = FALSE)
r <- suppressMessages(seqrep(s, diss = om, criterion = "dist", coverage = 0.25))
write.csv(rep_table(r), "mvad_seqrep_dist_cov0.25_total.csv", row.names = FALSE)

# cluster comparison (deterministic methods) on the distinct sequences of mvad with weights
ac <- wcAggregateCases(mvad[, 17:86])
su <- seqdef(mvad[ac$aggIndex, 17:86], weights = ac$aggWeights)
du <- seqdist(su, method = "OM", indel = 1, sm = sm)
cmp <- wcCmpCluster(du, weights = ac$aggWeights, maxcluster = 6, method = "all", pam.combine = TRUE)
st <- cmp$allstats
write.csv(cbind(method = st$method, k = st$ngroup, as.data.frame(lapply(st[, 1:10], num))), "mvad_wccmpcluster.csv", row.names = FALSE)
write.csv(data.frame(row = ac$aggIndex, weight = ac$aggWeights), "mvad_aggregate.csv", row.names = FALSE)
# mcquitty straight from stats::hclust + as.clustrange (wcCmpCluster uses fastcluster::hclust, whose mcquitty differs at k >= 4)
mq <- as.clustrange(hclust(as.dist(du), method = "mcquitty", members = ac$aggWeights), diss = du, weights = ac$aggWeights, ncluster = 6)$stats
write.csv(cbind(k = 2:6, as.data.frame(lapply(mq, num))), "mvad_mcquitty_clustrange.csv", row.names = FALSE)
cat("done\n")
