/**
 * Cooldowns (seed 004): a torrent that failed for a known reason is refused for a while, per failure
 * type, and the cooldown survives a restart. Listed and cleared through admin endpoints.
 */
package com.hypertube.streaming.cooldown;
