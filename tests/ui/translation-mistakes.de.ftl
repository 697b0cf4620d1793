OUT_OF_STOCK = Nur noch { $lfet } übrig
    .titel = Ausverkauft
NOPE =
    .title = Nein
CLOSED = Geschlossen
