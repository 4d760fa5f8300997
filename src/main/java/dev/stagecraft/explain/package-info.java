/**
 * The teaching aid behind the Explain panel: for a place in a Dockerfile, a short plain-language
 * explanation of the instruction or stage there (what it does, which image receives it, what is
 * left behind, why a multi-stage split helps). The texts are ours, in one resource file. Depends
 * on the core ({@code syntax}, {@code instruction}, {@code stage}) and the JDK only.
 */
package dev.stagecraft.explain;
