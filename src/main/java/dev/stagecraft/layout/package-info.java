/**
 * Positions for the graph view (layered, left to right) and the graph drawn from them as SVG for
 * export. Depends on the core only: no JavaFX.
 */
package dev.stagecraft.layout;
