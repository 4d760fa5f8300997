/** Stagecraft: the launcher; everything else lives in the layer packages below. */
package dev.stagecraft;
