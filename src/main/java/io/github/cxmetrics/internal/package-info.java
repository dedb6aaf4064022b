/**
 * What several packages of cxmetrics need and no user should call: argument checks and their
 * messages, atomic files with checksums, text escaping, the streaming JSON writer. Not exported by
 * the module; its types may change in any release.
 */
package io.github.cxmetrics.internal;
