/**
 * The events services send each other over RabbitMQ, as records: the one description of each message's
 * shape, shared by its publisher and its listeners.
 */
package com.hypertube.contract.events;
