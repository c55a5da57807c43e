/** Which public paths go to which service, with the timeouts and retries of each route. */
package com.hypertube.gateway.routing;
