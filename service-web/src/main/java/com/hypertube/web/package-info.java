/**
 * Web conventions every servlet service of Hypertube shares: each error is an RFC 9457 problem with a
 * stable type, and each request carries an id that its error body and its log lines both show.
 */
package com.hypertube.web;
