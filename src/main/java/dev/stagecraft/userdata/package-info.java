/**
 * What Stagecraft keeps for the user between runs, in one data folder: settings (window placement,
 * theme), recent files, and recovery copies of unsaved text. Depends on the JDK and {@code io} only.
 */
package dev.stagecraft.userdata;
