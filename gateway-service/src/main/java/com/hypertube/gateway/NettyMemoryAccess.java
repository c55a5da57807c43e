package com.hypertube.gateway;

/**
 * Netty reads and writes its buffers through {@code sun.misc.Unsafe}, as it does on Java 24 and older.
 *
 * <p>On Java 25 Netty leaves Unsafe alone unless told otherwise (JEP 498 has the JDK warn about its memory
 * access), and writes its direct buffers through {@code ByteBuffer}, a bounds check per byte. Encoding the headers
 * of every request and answer, byte by byte, was then 8.5 % of the gateway's CPU samples under the catalog
 * benchmark's browse page, 1.7 % with Unsafe. The launcher and the image start every service with {@code
 * --sun-misc-unsafe-memory-access=allow}, which tells Netty the same and keeps the JDK quiet; this covers a gateway
 * started any other way (the JDK then warns once). The operator's own {@code -Dio.netty.noUnsafe} or {@code
 * --sun-misc-unsafe-memory-access} (warn, deny) still decides.
 */
final class NettyMemoryAccess {

    static final String NETTY_NO_UNSAFE = "io.netty.noUnsafe";

    /** The system property the JDK's --sun-misc-unsafe-memory-access sets. */
    static final String JDK_UNSAFE_MEMORY_ACCESS = "sun.misc.unsafe.memory.access";

    private NettyMemoryAccess() {}

    /** Before anything of Netty is loaded: Unsafe, unless the operator said something about it. */
    static void unsafeUnlessToldOtherwise() {
        if (System.getProperty(NETTY_NO_UNSAFE) == null && System.getProperty(JDK_UNSAFE_MEMORY_ACCESS) == null) {
            System.setProperty(NETTY_NO_UNSAFE, "false");
        }
    }
}
