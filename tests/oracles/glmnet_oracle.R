# glmnet oracle: read the site's data from CSV, fit with glmnet, write every result as JSON.
# Usage: Rscript glmnet_oracle.R <input folder> <output.json>
suppressPackageStartupMessages({
  library(glmnet)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript glmnet_oracle.R <input folder> <output.json>")
input <- args[[1]]
X <- as.matrix(read.csv(file.path(input, "X.csv"), header = FALSE))
y <- read.csv(file.path(input, "y.csv"), header = FALSE)[[1]]
labels <- read.csv(file.path(input, "labels.csv"), header = FALSE)[[1]]
foldid <- read.csv(file.path(input, "foldid.csv"), header = FALSE)[[1]]
cv_lambda <- read.csv(file.path(input, "cv_lambda.csv"), header = FALSE)[[1]]
p <- fromJSON(file.path(input, "params.json"))
colnames(X) <- NULL
thresh <- 1e-20  # converge far below the tolerances of the Python side
maxit <- 1e7

coefs <- function(fit, s = 1) {
  beta <- as.matrix(coef(fit))[, s]
  list(b = unname(beta[1]), w = unname(beta[-1]))
}
fit_gaussian <- function(lambda, alpha, standardize, family = "gaussian") {
  coefs(glmnet(X, y, family = family, lambda = lambda, alpha = alpha,
               standardize = standardize, thresh = thresh, maxit = maxit))
}

out <- list()
out$versions <- list(R = paste(R.version$major, R.version$minor, sep = "."),
                     glmnet = packageDescription("glmnet")$Version)
out$lasso <- fit_gaussian(p$lam, 1, FALSE)
out$enet_naive <- fit_gaussian(p$lam, p$alpha, FALSE)
out$enet_converted <- fit_gaussian(p$enet_lambda, p$enet_alpha, FALSE)
out$lasso_standardized <- fit_gaussian(p$lam, 1, TRUE)
# The family object takes the GLM route, which does not standardise y.
out$enet_family_object <- fit_gaussian(p$lam, p$alpha, FALSE, family = gaussian())
out$ridge_family_object <- fit_gaussian(p$lam, 0, FALSE, family = gaussian())
out$binomial_ridge <- coefs(glmnet(X, factor(labels), family = "binomial", lambda = p$lam_log,
                                   alpha = 0, standardize = FALSE, thresh = thresh, maxit = maxit))
# glmnet's own lambda sequence, standardised features (the default) and raw ones, lasso and elastic net.
seq_of <- function(alpha, standardize) {
  glmnet(X, y, alpha = alpha, standardize = standardize)$lambda
}
out$path <- list(lasso_std = seq_of(1, TRUE), lasso_raw = seq_of(1, FALSE), enet_std = seq_of(p$alpha, TRUE))
# Cross-validation with the site's folds and grid (lasso, standardize = TRUE, the default).
cv <- cv.glmnet(X, y, lambda = cv_lambda, foldid = foldid, alpha = 1, thresh = thresh, maxit = maxit)
out$cv <- list(lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se, cvm = cv$cvm, cvsd = cv$cvsd)
write(toJSON(out, digits = NA, auto_unbox = TRUE), args[[2]])
