package com.hypertube.contract.events;

/**
 * Something one service tells the others over RabbitMQ: published as JSON on the topic exchange {@link
 * Events#EXCHANGE}, under its {@link #routingKey()}. A listener binds a queue of its own to the keys it cares
 * about; the publisher never knows who listens.
 */
public sealed interface Event permits DownloadCompletedEvent, SubtitlesFoundEvent, TitleWatchedEvent {

    /** The routing key, also the message's {@code type}: what happened, {@code <thing>.<past participle>}. */
    String routingKey();
}
