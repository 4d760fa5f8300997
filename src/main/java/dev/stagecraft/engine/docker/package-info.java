/**
 * The engine adapter: {@link dev.stagecraft.engine.BuildEngine} implemented over docker-java 3.7
 * and its httpclient5 transport. The only package that may use docker-java; it turns its types and
 * exceptions into the engine package's plain values and {@link dev.stagecraft.engine.EngineException}.
 */
package dev.stagecraft.engine.docker;
