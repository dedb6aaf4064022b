/**
 * The KPI report of a feedback export: {@link io.github.cxmetrics.report.Report} (the model, read in
 * one streaming pass) with {@link io.github.cxmetrics.report.ReportOptions}, and its renderers. The
 * {@code cxmetrics report} command is a thin shell over this package.
 */
package io.github.cxmetrics.report;
