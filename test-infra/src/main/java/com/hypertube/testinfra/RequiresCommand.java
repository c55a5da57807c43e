package com.hypertube.testinfra;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs a program of the machine's (ffmpeg, a BitTorrent client…): where it is not installed,
 * the class is skipped with a notice naming what to install, rather than failing for a reason that is not the
 * code's. {@code .ci/run} installs every such program, so CI never skips.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresCommandCondition.class)
public @interface RequiresCommand {

    /** The commands, looked up on the PATH. */
    String[] value();

    /** What to install, e.g. {@code apt-get install ffmpeg}. */
    String install();
}
