/**
 * Typed instructions: one record per kind of the sealed {@link dev.stagecraft.instruction.Instruction},
 * flags and mounts parsed and checked. Depends on {@code syntax} and the JDK only.
 */
package dev.stagecraft.instruction;
