package com.hypertube.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Netty may use Unsafe unless the operator said anything about it. */
class NettyMemoryAccessTest {

    private static final List<String> PROPERTIES =
            List.of(NettyMemoryAccess.NETTY_NO_UNSAFE, NettyMemoryAccess.JDK_UNSAFE_MEMORY_ACCESS);

    private final Map<String, String> before = new HashMap<>();

    @BeforeEach
    void remember() {
        PROPERTIES.forEach(name -> {
            before.put(name, System.getProperty(name));
            System.clearProperty(name);
        });
    }

    @AfterEach
    void restore() {
        PROPERTIES.forEach(name -> {
            if (before.get(name) == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before.get(name));
            }
        });
    }

    @Test
    void nothingSaidMeansUnsafe() {
        NettyMemoryAccess.unsafeUnlessToldOtherwise();

        assertThat(System.getProperty(NettyMemoryAccess.NETTY_NO_UNSAFE)).isEqualTo("false");
    }

    @Test
    void theOperatorsNettySettingIsKept() {
        System.setProperty(NettyMemoryAccess.NETTY_NO_UNSAFE, "true");

        NettyMemoryAccess.unsafeUnlessToldOtherwise();

        assertThat(System.getProperty(NettyMemoryAccess.NETTY_NO_UNSAFE)).isEqualTo("true");
    }

    @Test
    void theJdksSettingIsLeftToDecide() {
        System.setProperty(NettyMemoryAccess.JDK_UNSAFE_MEMORY_ACCESS, "deny");

        NettyMemoryAccess.unsafeUnlessToldOtherwise();

        assertThat(System.getProperty(NettyMemoryAccess.NETTY_NO_UNSAFE)).isNull();
    }
}
