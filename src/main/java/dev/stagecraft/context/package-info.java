/**
 * The build context on disk: {@code .dockerignore} rules, one bounded scan of the context folder,
 * and which files each COPY/ADD from the context would carry. Depends on the JDK and the core
 * ({@code instruction}, {@code stage}) only: no JavaFX, so the CLI can use it too.
 */
package dev.stagecraft.context;
