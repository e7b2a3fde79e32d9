package app.kinora.account.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** ISO 3166-1 alpha-2 countries with English names, for the sign-up form. */
final class Countries {

  private static final Set<String> CODES = Set.of(Locale.getISOCountries());
  private static final List<Country> ALL = Stream.of(Locale.getISOCountries())
      .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)))
      .sorted(Comparator.comparing(Country::name))
      .toList();

  private Countries() {}

  static boolean isKnown(String code) {
    return code != null && CODES.contains(code);
  }

  static List<Country> all() {
    return ALL;
  }

  record Country(String code, String name) {}
}
