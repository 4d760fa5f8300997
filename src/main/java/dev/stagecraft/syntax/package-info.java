/**
 * Text to instruction nodes, as BuildKit's parser does it: directives, continuations, comments,
 * here-documents, source ranges, diagnostics and the highlighting tokens. Knows nothing of what an
 * instruction means. Depends on the JDK only.
 */
package dev.stagecraft.syntax;
