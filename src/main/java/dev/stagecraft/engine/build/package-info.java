/**
 * One Stagecraft build from start to report, shared by the window and the CLI: the runner (check,
 * rewrite, pack the context, build the target with progress, build each other stage as its own
 * target), the measurements (sizes per stage and layer, the files each COPY --from carried), the
 * report, and the clean-up of images Stagecraft made. Uses the engine interface, its progress
 * readers and its measurement pieces; no docker-java, no JavaFX.
 */
package dev.stagecraft.engine.build;
