/**
 * The build engine as the rest of Stagecraft sees it: where the engine is ({@link
 * dev.stagecraft.engine.EngineEndpoints}) and, with the live-rebuild issue, the build interface and
 * its events. No docker-java here: only the adapter sub-package will talk to Docker. Depends on the
 * JDK and the core.
 */
package dev.stagecraft.engine;
