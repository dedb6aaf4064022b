# Reference values for KeyDriversTest, computed with base R only (no relaimpo):
#   Rscript swiss-reference.R > swiss-reference.txt
# LMG: for each predictor, the R^2 increase averaged over all orders, from lm() fits of every subset.
# Relative weights (Johnson 2000): from eigen() of the predictors' correlation matrix.
write.csv(swiss, "swiss.csv", row.names = TRUE)
y <- "Fertility"; xs <- setdiff(names(swiss), y); p <- length(xs)
r2 <- function(s) if (length(s) == 0) 0 else summary(lm(reformulate(s, y), data = swiss))$r.squared
lmg <- sapply(xs, function(x) {
  others <- setdiff(xs, x); total <- 0
  for (k in 0:(p - 1)) {
    subsets <- if (k == 0) list(character(0)) else combn(others, k, simplify = FALSE)
    for (s in subsets) total <- total + factorial(k) * factorial(p - k - 1) / factorial(p) * (r2(c(s, x)) - r2(s))
  }
  total
})
R <- cor(swiss[xs]); r <- cor(swiss[xs], swiss[[y]])[, 1]
e <- eigen(R); Z <- e$vectors %*% diag(sqrt(e$values)) %*% t(e$vectors)
bstar <- solve(Z, r); rw <- as.vector((Z^2) %*% (bstar^2)); names(rw) <- xs
beta <- solve(R, r)
fit <- lm(reformulate(xs, y), data = swiss)
cat(sprintf("r2 %.12f\n", summary(fit)$r.squared))
for (x in xs) cat(sprintf("%s lmg %.12f rw %.12f beta %.12f r %.12f mean %.12f\n", x, lmg[x], rw[x], beta[x], r[x], mean(swiss[[x]])))
