/**
 * Which torrent to play first for a title, and why: {@link com.hypertube.source.ranking.Ranking} is the one
 * documented order, and every ranked source carries the reasons a user reads beside it.
 */
package com.hypertube.source.ranking;
