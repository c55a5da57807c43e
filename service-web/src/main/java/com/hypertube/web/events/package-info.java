/** Events over RabbitMQ: one way to send the contract's event records, and to read them. */
package com.hypertube.web.events;
