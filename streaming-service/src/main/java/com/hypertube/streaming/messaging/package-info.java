/**
 * RabbitMQ for the streaming service: the topology it owns, and (as they come) the download and
 * conversion job listeners and publishers.
 */
package com.hypertube.streaming.messaging;
