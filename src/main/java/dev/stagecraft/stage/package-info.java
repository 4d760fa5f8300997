/**
 * Stages, ARG scoping and expansion, the stage graph (JGraphT), target, reachability and build
 * order: {@link dev.stagecraft.stage.DockerfileAnalyzer} is the entry point. Depends on
 * {@code syntax}, {@code instruction}, JGraphT and the JDK; never on JavaFX or docker-java.
 */
package dev.stagecraft.stage;
