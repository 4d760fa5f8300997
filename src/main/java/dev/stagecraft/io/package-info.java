/**
 * File input and output shared by the front ends: atomic saves, reading any bytes as editor text
 * while remembering line endings and BOM, and noticing changes on disk. Depends on the JDK only.
 */
package dev.stagecraft.io;
