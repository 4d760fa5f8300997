/** The headless commands (picocli) over the core: they never load JavaFX. */
package dev.stagecraft.cli;
