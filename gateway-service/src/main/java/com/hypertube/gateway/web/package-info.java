/** Cross-cutting web concerns of the gateway: request ids and the problem details of every error. */
package com.hypertube.gateway.web;
