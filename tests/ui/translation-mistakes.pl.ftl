OUT_OF_STOCK = { $left ->
        [one] Został { $left } egzemplarz
        [several] Zostały { $left } egzemplarze
       *[other] Zostało { $left } egzemplarzy
    }
    .title = Brak w magazynie
CLOSED =
    .title = Zamknięte
