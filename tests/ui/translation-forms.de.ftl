OUT_OF_STOCK = Nur noch { $left } { -marke } { NUMBER($left) } { CLOSED } in { $size ->
        [small] klein
        [huge] riesig
       *[large] groß
    }
    .title = Ausverkauft { $left }
CLOSED =
    .title = Geschlossen
    .description = Zu {"\u00"}
OUT_OF_STOCK =
    .title = Noch einmal
-marke = Laden
