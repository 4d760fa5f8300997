/** Positions for the graph view (layered, left to right). Depends on the core only: no JavaFX. */
package dev.stagecraft.layout;
