# The Ad Context Protocol's error codes in German. Each message is a code:
# its value is the message, `.title`, `.description` and `.resolution` the
# other texts. Numbers choose their form by CLDR's plural rules for German
# (`one`, `other`).

INVALID_CREDENTIALS = API-Schlüssel ist ungültig oder wurde widerrufen
    .title = Ungültige Anmeldedaten
    .description = Die Anmeldedaten sind fehlerhaft, falsch oder wurden widerrufen.
    .resolution = Prüfen Sie, ob der API-Schlüssel der richtige und noch aktiv ist.

TOKEN_EXPIRED = OAuth-Token abgelaufen
    .title = Token abgelaufen
    .description = Das Authentifizierungstoken ist abgelaufen.
    .resolution = Erneuern Sie das OAuth-Token, oder authentifizieren Sie sich erneut.

INSUFFICIENT_PERMISSIONS = Dem Konto fehlt die Berechtigung { $required_permission }
    .title = Unzureichende Berechtigungen
    .description = Dem Konto fehlt die Berechtigung, die dieser Vorgang erfordert.
    .resolution = Bitten Sie einen Administrator, die Berechtigungen des Kontos zu erweitern.

MISSING_REQUIRED_FIELD = { $field } ist erforderlich
    .title = Pflichtfeld fehlt
    .description = Ein Parameter, den die Anfrage enthalten muss, fehlt.
    .resolution = Senden Sie alle Pflichtfelder.

INVALID_FIELD_VALUE = { $field } muss im Bereich { $valid_range } liegen
    .title = Ungültiger Feldwert
    .description = Der Wert eines Feldes verstößt gegen die Validierungsregeln.
    .resolution = Senden Sie Werte, die die Spezifikation zulässt.

INVALID_FIELD_FORMAT = { $field } muss im Format { $expected_format } sein
    .title = Ungültiges Feldformat
    .description = Ein Feld hat nicht das erwartete Format.
    .resolution = Formatieren Sie das Feld so, wie die Spezifikation es verlangt.

SEGMENT_NOT_FOUND = Segment-ID nicht gefunden oder abgelaufen
    .title = Segment nicht gefunden
    .description = Es gibt kein Segment mit dieser ID, oder es ist nicht mehr verfügbar.
    .resolution = Verwenden Sie eine aktuelle Segment-ID aus einer neueren Antwort von get_audiences.

AUDIENCE_UNAVAILABLE = Zielgruppe für die angegebene Plattform nicht verfügbar
    .title = Zielgruppe nicht verfügbar
    .description = Die Zielgruppe existiert, lässt sich aber mit der angefragten Plattform oder dem Seat nicht verwenden.
    .resolution = Verwenden Sie eine Plattform, auf der sie verfügbar ist, oder fragen Sie den Anbieter.

PLATFORM_UNAUTHORIZED = Konto ist für die Plattform nicht autorisiert
    .title = Plattform nicht autorisiert
    .description = Das Konto hat keinen Zugriff auf die angefragte Plattform.
    .resolution = Verwenden Sie eine Plattform, für die das Konto autorisiert ist, oder erweitern Sie seinen Zugriff.

SEAT_UNAUTHORIZED = Konto hat keinen Zugriff auf den Seat
    .title = Seat nicht autorisiert
    .description = Das Konto darf den angefragten Seat nicht verwenden.
    .resolution = Verwenden Sie einen Seat, für den das Konto autorisiert ist, oder beantragen Sie Zugriff.

ALREADY_ACTIVATED = Zielgruppe ist für diese Plattform und diesen Seat bereits aktiviert
    .title = Bereits aktiviert
    .description = Die Zielgruppe ist für diese Plattform und diesen Seat bereits aktiv.
    .resolution = Behalten Sie die bestehende Aktivierung; check_audience_status gibt Auskunft über sie.

ACTIVATION_FAILED = Aktivierung der Zielgruppe wegen eines Fehlers beim Anbieter fehlgeschlagen
    .title = Aktivierung fehlgeschlagen
    .description = Die Zielgruppe ließ sich nicht aktivieren, meist wegen eines Fehlers beim Anbieter.
    .resolution = Warten Sie, und versuchen Sie es erneut; wenden Sie sich an den Support, wenn der Fehler bleibt.

INVALID_PRICING_MODEL = Preismodell { $requested_model } ist für diese Zielgruppe nicht verfügbar
    .title = Ungültiges Preismodell
    .description = Das angefragte Preismodell wird für diese Zielgruppe nicht angeboten.
    .resolution = Wählen Sie ein Preismodell, das die Zielgruppe anbietet, oder eine andere Zielgruppe.

RATE_LIMIT_EXCEEDED = Zu viele Anfragen. Limit: { $limit ->
        [one] { $limit } Anfrage
       *[other] { $limit } Anfragen
    } pro { $window }
    .title = Ratenlimit überschritten
    .description = Innerhalb eines Zeitfensters wurden zu viele Anfragen gesendet.
    .resolution = Warten Sie, bis das Zeitfenster zurückgesetzt ist, und versuchen Sie es dann erneut.

INTERNAL_SERVER_ERROR = Bei der Verarbeitung der Anfrage ist ein interner Fehler aufgetreten
    .title = Interner Serverfehler
    .description = Auf dem Server ist ein unerwarteter Fehler aufgetreten.
    .resolution = Versuchen Sie es erneut; wenden Sie sich an den Support, wenn der Fehler bleibt.

SERVICE_UNAVAILABLE = Der Datenanbieter ist vorübergehend nicht verfügbar
    .title = Dienst nicht verfügbar
    .description = Ein externer Dienst, von dem die Anfrage abhängt, ist vorübergehend nicht erreichbar.
    .resolution = Warten Sie, bis der Dienst wieder verfügbar ist, und versuchen Sie es dann erneut.

TIMEOUT = Die Anfrage hat das Zeitlimit von { $timeout_seconds ->
        [one] { $timeout_seconds } Sekunde
       *[other] { $timeout_seconds } Sekunden
    } überschritten
    .title = Zeitüberschreitung
    .description = Die Verarbeitung der Anfrage hat länger gedauert als erlaubt.
    .resolution = Schränken Sie die Parameter der Anfrage ein, oder versuchen Sie es erneut.

DATA_QUALITY_ISSUE = Die Zielgruppendaten vom { $last_updated } sind älter als { $max_age_days ->
        [one] { $max_age_days } Tag
       *[other] { $max_age_days } Tage
    }
    .title = Problem mit der Datenqualität
    .description = Die Daten hinter der Antwort haben ein Qualitätsproblem, etwa weil sie veraltet sind.
    .resolution = Fordern Sie beim Anbieter aktuelle Zielgruppendaten an.

USAGE_REPORT_REJECTED = Nutzungsbericht abgelehnt: { $field } { $validation_rule }
    .title = Nutzungsbericht abgelehnt
    .description = Der Nutzungsbericht hat die Validierung nicht bestanden.
    .resolution = Korrigieren Sie die Daten, und senden Sie den Bericht erneut.
