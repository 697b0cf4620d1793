# The Ad Context Protocol's error codes in Polish. Each message is a code:
# its value is the message, `.title`, `.description` and `.resolution` the
# other texts. Numbers choose their form by CLDR's plural rules for Polish:
# `one` (1), `few` (2–4, 22–24…), `many` (0, 5–21, 25…) and `other`
# (fractions).

INVALID_CREDENTIALS = Klucz API jest nieprawidłowy lub został unieważniony
    .title = Nieprawidłowe dane uwierzytelniające
    .description = Dane uwierzytelniające są błędne, źle sformatowane lub zostały unieważnione.
    .resolution = Sprawdź, czy klucz API jest właściwy i nadal aktywny.

TOKEN_EXPIRED = Token OAuth wygasł
    .title = Token wygasł
    .description = Token uwierzytelniający utracił ważność.
    .resolution = Odśwież token OAuth albo uwierzytelnij się ponownie.

INSUFFICIENT_PERMISSIONS = Konto nie ma uprawnienia { $required_permission }
    .title = Niewystarczające uprawnienia
    .description = Konto nie ma uprawnienia, którego wymaga ta operacja.
    .resolution = Poproś administratora o rozszerzenie uprawnień konta.

MISSING_REQUIRED_FIELD = Pole { $field } jest wymagane
    .title = Brak wymaganego pola
    .description = Brakuje parametru, który żądanie musi zawierać.
    .resolution = Wyślij wszystkie wymagane pola.

INVALID_FIELD_VALUE = Wartość { $field } musi mieścić się w zakresie { $valid_range }
    .title = Nieprawidłowa wartość pola
    .description = Wartość pola narusza reguły walidacji.
    .resolution = Wysyłaj wartości, na które pozwala specyfikacja.

INVALID_FIELD_FORMAT = Pole { $field } musi mieć format { $expected_format }
    .title = Nieprawidłowy format pola
    .description = Pole nie ma oczekiwanego formatu.
    .resolution = Sformatuj pole zgodnie ze specyfikacją.

SEGMENT_NOT_FOUND = Nie znaleziono identyfikatora segmentu albo utracił ważność
    .title = Nie znaleziono segmentu
    .description = Nie ma segmentu o tym identyfikatorze albo nie jest on już dostępny.
    .resolution = Użyj aktualnego identyfikatora segmentu z niedawnej odpowiedzi get_audiences.

AUDIENCE_UNAVAILABLE = Grupa odbiorców jest niedostępna dla wskazanej platformy
    .title = Grupa odbiorców niedostępna
    .description = Grupa odbiorców istnieje, ale nie można jej użyć z wybraną platformą lub miejscem reklamowym.
    .resolution = Użyj platformy, na której jest dostępna, albo zapytaj dostawcę.

PLATFORM_UNAUTHORIZED = Konto nie ma autoryzacji dla platformy
    .title = Brak autoryzacji dla platformy
    .description = Konto nie ma dostępu do wybranej platformy.
    .resolution = Użyj platformy, do której konto ma uprawnienia, albo rozszerz jego dostęp.

SEAT_UNAUTHORIZED = Konto nie ma dostępu do miejsca reklamowego
    .title = Brak autoryzacji dla miejsca reklamowego
    .description = Konto nie może używać wybranego miejsca reklamowego (seat).
    .resolution = Użyj miejsca, do którego konto ma uprawnienia, albo poproś o dostęp.

ALREADY_ACTIVATED = Grupa odbiorców jest już aktywowana dla tej platformy i tego miejsca reklamowego
    .title = Już aktywowano
    .description = Grupa odbiorców jest już aktywna dla tej platformy i tego miejsca reklamowego.
    .resolution = Zachowaj istniejącą aktywację; check_audience_status podaje jej stan.

ACTIVATION_FAILED = Nie udało się aktywować grupy odbiorców z powodu błędu dostawcy
    .title = Aktywacja nie powiodła się
    .description = Nie udało się aktywować grupy odbiorców, zwykle z powodu błędu dostawcy.
    .resolution = Odczekaj chwilę i spróbuj ponownie; jeśli błąd się powtarza, skontaktuj się z pomocą techniczną.

INVALID_PRICING_MODEL = Model cenowy { $requested_model } nie jest dostępny dla tej grupy odbiorców
    .title = Nieprawidłowy model cenowy
    .description = Wybrany model cenowy nie jest oferowany dla tej grupy odbiorców.
    .resolution = Wybierz model cenowy, który ta grupa odbiorców oferuje, albo inną grupę.

RATE_LIMIT_EXCEEDED = Zbyt wiele żądań. Limit: { $limit ->
        [one] { $limit } żądanie
        [few] { $limit } żądania
        [many] { $limit } żądań
       *[other] { $limit } żądania
    } na { $window }
    .title = Przekroczono limit żądań
    .description = W oknie limitu wysłano zbyt wiele żądań.
    .resolution = Poczekaj, aż okno limitu się odnowi, i spróbuj ponownie.

INTERNAL_SERVER_ERROR = Podczas przetwarzania żądania wystąpił błąd wewnętrzny
    .title = Wewnętrzny błąd serwera
    .description = Serwer napotkał nieoczekiwany błąd.
    .resolution = Spróbuj ponownie; jeśli błąd się utrzymuje, skontaktuj się z pomocą techniczną.

SERVICE_UNAVAILABLE = Usługa dostawcy danych jest chwilowo niedostępna
    .title = Usługa niedostępna
    .description = Zewnętrzna usługa, od której zależy żądanie, jest chwilowo niedostępna.
    .resolution = Poczekaj, aż usługa znów zacznie działać, i spróbuj ponownie.

TIMEOUT = Żądanie przekroczyło limit czasu { $timeout_seconds ->
        [one] { $timeout_seconds } sekundy
       *[other] { $timeout_seconds } sekund
    }
    .title = Przekroczono limit czasu
    .description = Przetwarzanie żądania trwało dłużej, niż pozwala limit.
    .resolution = Zawęź parametry żądania albo spróbuj ponownie.

DATA_QUALITY_ISSUE = Dane grupy odbiorców z { $last_updated } są starsze niż { $max_age_days ->
        [one] { $max_age_days } dzień
        [few] { $max_age_days } dni
        [many] { $max_age_days } dni
       *[other] { $max_age_days } dnia
    }
    .title = Problem z jakością danych
    .description = Dane, na których opiera się odpowiedź, mają problem z jakością, na przykład są nieaktualne.
    .resolution = Poproś dostawcę o zaktualizowane dane grupy odbiorców.

USAGE_REPORT_REJECTED = Raport użycia odrzucony: { $field } { $validation_rule }
    .title = Raport użycia odrzucony
    .description = Raport użycia nie przeszedł walidacji.
    .resolution = Popraw dane i wyślij raport ponownie.
