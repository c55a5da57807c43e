package com.hypertube.gateway;

/**
 * How many Netty event loops carry the gateway's connections (clients' and services' alike): one per core.
 *
 * <p>Reactor Netty's default is at least four whatever the machine, so that code which blocks a loop by mistake
 * leaves others free. Nothing of the gateway blocks, and on a small server four busy loops on two cores only take
 * the cores from each other and from the services beside them: through the gateway, a browse page went from
 * 2,940–3,330 to 3,450–3,840 requests/s and its p99 from 64–75 to 43–53 ms with two loops (two gateways side by
 * side, 50 connections, {@code media-service/bench/catalog-bench.sh}'s page). From four cores up this is the
 * default again. {@code -Dreactor.netty.ioWorkerCount=N} still decides when given.
 */
final class EventLoops {

    static final String WORKER_COUNT = "reactor.netty.ioWorkerCount";

    private EventLoops() {}

    /** Before anything of Reactor Netty is loaded: one event loop per core, unless told otherwise. */
    static void onePerCore(int cores) {
        if (System.getProperty(WORKER_COUNT) == null) {
            System.setProperty(WORKER_COUNT, Integer.toString(Math.max(1, cores)));
        }
    }
}
