#include "security/common_passwords.hpp"

#include <unordered_set>

namespace vigie::security {

bool is_common_password(std::string_view p) {
  // Frequent 12+ character passwords from public breach corpora, French and English,
  // including keyboard walks and the service's own name.
  static const std::unordered_set<std::string_view> kList{
      "123456789012",   "1234567890123",    "12345678910",          "123456789123",
      "1234567891011",  "111111111111",     "000000000000",         "123123123123",
      "121212121212",   "123456123456",     "azertyuiop12",         "azertyuiop123",
      "azertyuiopqs",   "azertyuiopqsdf",   "azertyuiopqsdfghjklm", "qwertyuiop12",
      "qwertyuiop123",  "qwertyuiopasdf",   "qwertyuiopasdfghjkl",  "1qaz2wsx3edc",
      "1q2w3e4r5t6y",   "zaq12wsxcde3",     "password1234",         "password12345",
      "password123!",   "passwordpassword", "motdepasse12",         "motdepasse123",
      "motdepasse1234", "motdepasse2024",   "motdepasse2025",       "motdepasse2026",
      "monmotdepasse",  "monmotdepasse1",   "iloveyou1234",         "jetaime123456",
      "jetaimejetaime", "soleil123456",     "bonjour123456",        "doudou123456",
      "chouchou1234",   "marseille1313",    "parisparis75",         "football1234",
      "liverpool123",   "manchester123",    "princesse123",         "abcdefghijkl",
      "abcdef123456",   "abc123456789",     "aaaaaaaaaaaa",         "qwerty123456",
      "azerty123456",   "azertyazerty",     "qwertyqwerty",         "superman1234",
      "baseball1234",   "sunshine1234",     "welcome12345",         "letmein12345",
      "changeme1234",   "administrator",    "administrateur",       "admin1234567",
      "adminadmin12",   "bienvenue123",     "bienvenue1234",        "vigievigie12",
      "vigie1234567",   "vigiepassword",    "traitedesetres",       "miprof123456",
      "republique12",   "france123456",     "francefrance",         "password2024",
      "password2025",   "password2026",     "p@ssw0rd1234",         "passw0rd1234",
      "0123456789ab",   "987654321098",     "147258369147",         "159357159357",
      "741852963741",   "trustno11234",     "dragon123456",         "master123456",
      "shadow123456",   "michael12345",     "nicolas12345",         "camille12345",
      "toulouse3131",   "lyonlyonlyon",     "nantes444444"};
  return kList.count(p) > 0;
}

}  // namespace vigie::security
