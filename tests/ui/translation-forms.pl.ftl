OUT_OF_STOCK = Zostało { $left } w { "rozmiar" ->
       *[other] rozmiarze { $size }
    }
CLOSED
    .title = Zamknięte
