OUT_OF_STOCK =
    .title = Rupture de stock
