# Reference values for ReportDriversTest (base R only): Rscript kto-sample-reference.R
d <- read.csv("kto-sample.csv"); d <- d[complete.cases(d[, c("overall", "ease", "speed", "staff")]), ]
y <- "overall"; xs <- c("ease", "speed", "staff"); p <- length(xs)
r2 <- function(s) if (length(s) == 0) 0 else summary(lm(reformulate(s, y), data = d))$r.squared
lmg <- sapply(xs, function(x) { o <- setdiff(xs, x); t <- 0
  for (k in 0:(p - 1)) for (s in (if (k == 0) list(character(0)) else combn(o, k, simplify = FALSE)))
    t <- t + factorial(k) * factorial(p - k - 1) / factorial(p) * (r2(c(s, x)) - r2(s)); t })
cat(sprintf("n %d r2 %.12f\n", nrow(d), r2(xs))); for (x in xs) cat(sprintf("%s %.12f\n", x, lmg[x]))
