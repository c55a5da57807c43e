/**
 * Which piece to fetch next. One comparator ({@link PieceOrder}) answers it for every piece: streaming
 * deadlines first, then pieces already begun, then file priority, then rarest first.
 */
package com.hypertube.torrent.picker;
