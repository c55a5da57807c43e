/**
 * Where downloaded data lives on disk: the download root every file is kept inside, and (as they come)
 * the cache of completed files and its clean-up.
 */
package com.hypertube.streaming.storage;
