/** File input and output shared by the front ends (atomic saves). Depends on the JDK only. */
package dev.stagecraft.io;
