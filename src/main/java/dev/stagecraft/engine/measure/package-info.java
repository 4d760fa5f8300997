/**
 * Measurements after a build, for the size bars and the edge file lists: which Dockerfile line made
 * each entry of a stage image's history ({@link dev.stagecraft.engine.measure.LayerAttribution}),
 * the stage's and each layer's bytes ({@link dev.stagecraft.engine.measure.StageSizes}), and the
 * files a {@code COPY --from} really carried, read from the image's {@code docker save} archive
 * ({@link dev.stagecraft.engine.measure.ImageArchive}, {@link dev.stagecraft.engine.measure.LandedFiles})
 * or from a cache of layer listings keyed by diff id. Works on plain values the engine interface
 * returns; depends on the JDK, commons-compress, the core ({@code stage}, {@code instruction}) and
 * the {@code engine} package's values. No docker-java, no JavaFX.
 */
package dev.stagecraft.engine.measure;
