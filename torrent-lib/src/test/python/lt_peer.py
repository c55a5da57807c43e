#!/usr/bin/python3
"""A libtorrent peer for interop tests, on 127.0.0.1 only, with DHT, LSD, UPnP and NAT-PMP off.

  lt_peer.py seed TORRENT DATA_DIR PORT
  lt_peer.py download (TORRENT|MAGNET) SAVE_DIR PORT [--peer HOST:PORT]... [--timeout SECONDS]
  lt_peer.py create PATH OUT_TORRENT PIECE_SIZE [TRACKER_URL]

Prints "READY <port>" once listening (a seeder once it has verified its data), "DONE <seconds>" when a
download has finished. A seeder runs until killed; a download exits when done, non-zero on timeout.
"""
import sys
import time
import libtorrent as lt


def session(port):
    settings = {
        'listen_interfaces': '127.0.0.1:%d' % port,
        'enable_dht': False,
        'enable_lsd': False,
        'enable_upnp': False,
        'enable_natpmp': False,
        'enable_incoming_utp': False,
        'enable_outgoing_utp': False,
        'allow_multiple_connections_per_ip': True,
        'alert_mask': lt.alert.category_t.status_notification | lt.alert.category_t.error_notification,
    }
    return lt.session(settings)


def create(path, out, piece_size, tracker):
    """Makes a .torrent the way libtorrent 2 does by default: hybrid v1+v2, with pad files."""
    import os
    fs = lt.file_storage()
    lt.add_files(fs, path)
    t = lt.create_torrent(fs, piece_size)
    if tracker:
        t.add_tracker(tracker)
    lt.set_piece_hashes(t, os.path.dirname(os.path.abspath(path)))
    with open(out, 'wb') as f:
        f.write(lt.bencode(t.generate()))
    print(str(lt.torrent_info(out).info_hashes().v1), flush=True)
    return 0


def main(argv):
    if argv[1] == 'create':
        return create(argv[2], argv[3], int(argv[4]), argv[5] if len(argv) > 5 else None)
    mode, source, folder, port = argv[1], argv[2], argv[3], int(argv[4])
    peers = [argv[i + 1] for i in range(5, len(argv) - 1) if argv[i] == '--peer']
    timeout = float(argv[argv.index('--timeout') + 1]) if '--timeout' in argv else 120
    ses = session(port)
    if source.startswith('magnet:'):
        params = lt.parse_magnet_uri(source)
    else:
        params = lt.add_torrent_params()
        params.ti = lt.torrent_info(source)
    params.save_path = folder
    handle = ses.add_torrent(params)
    for peer in peers:
        host, peer_port = peer.rsplit(':', 1)
        handle.connect_peer((host, int(peer_port)))
    if mode == 'seed':
        # Verify the data first, so that serving never waits on hashing.
        started = time.time()
        while not handle.status().is_seeding:
            if time.time() - started > timeout:
                print('NOT SEEDING: the data does not match the torrent', flush=True)
                return 1
            time.sleep(0.05)
    print('READY %d' % ses.listen_port(), flush=True)
    if mode == 'seed':
        while True:  # until killed
            time.sleep(1)
    started = time.time()
    while time.time() - started < timeout:
        status = handle.status()
        if status.is_seeding:
            print('DONE %.3f' % (time.time() - started), flush=True)
            return 0
        if peers and status.num_peers == 0:
            for peer in peers:
                host, peer_port = peer.rsplit(':', 1)
                handle.connect_peer((host, int(peer_port)))
        time.sleep(0.05)
    print('TIMEOUT progress=%.3f' % handle.status().progress, flush=True)
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
