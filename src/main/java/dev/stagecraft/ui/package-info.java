/** JavaFX views and view-models: the editor, the graph view, the main window. Never docker-java. */
package dev.stagecraft.ui;
