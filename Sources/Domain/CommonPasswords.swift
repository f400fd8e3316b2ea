/// Passwords people pick most often (from public breach statistics, Latin and Russian
/// keyboard layouts), compared in lower case. Refused as new passwords.
enum CommonPasswords {
    static let all: Set<String> = [
        "123456", "password", "12345678", "qwerty", "123456789", "12345", "1234", "111111", "1234567", "dragon",
        "123123", "baseball", "abc123", "football", "monkey", "letmein", "696969", "shadow", "master", "666666",
        "qwertyuiop", "123321", "mustang", "1234567890", "michael", "654321", "superman", "1qaz2wsx", "7777777",
        "121212", "000000", "qazwsx", "123qwe", "killer", "trustno1", "jordan", "jennifer", "zxcvbnm", "asdfgh",
        "hunter", "buster", "soccer", "harley", "batman", "andrew", "tigger", "sunshine", "iloveyou", "2000",
        "charlie", "robert", "thomas", "hockey", "ranger", "daniel", "starwars", "klaster", "112233", "george",
        "computer", "michelle", "jessica", "pepper", "1111", "zxcvbn", "555555", "11111111", "131313", "freedom",
        "777777", "pass", "maggie", "159753", "aaaaaa", "ginger", "princess", "joshua", "cheese", "amanda",
        "summer", "love", "ashley", "nicole", "chelsea", "biteme", "matthew", "access", "yankees", "987654321",
        "dallas", "austin", "thunder", "taylor", "matrix", "password1", "password123", "qwerty123", "qwerty12",
        "1q2w3e4r", "1q2w3e4r5t", "1q2w3e", "q1w2e3r4", "zaq12wsx", "passw0rd", "p@ssw0rd", "p@ssword", "welcome",
        "welcome1", "admin", "admin123", "administrator", "root", "toor", "changeme", "secret", "default", "guest",
        "login", "test", "test123", "qwe123", "asdasd", "asdf1234", "qwer1234", "11223344", "123654", "147258369",
        "12341234", "87654321", "00000000", "88888888", "99999999", "12344321", "123456a", "a123456", "aa123456",
        "1qazxsw2", "qweasdzxc", "qweasd", "zxc123", "asd123", "qwerty1", "q1w2e3", "1qaz2wsx3edc", "iloveyou1",
        "йцукен", "йцукенгшщз", "йцукен123", "пароль", "пароль123", "привет", "любовь", "солнышко", "наташа",
        "максим", "катя", "котик", "зайка", "машина", "школа", "школа123", "учитель", "дневник", "журнал",
        "фывапр", "фывапролдж", "ячсмит", "qwertyйцукен", "1234qwer", "qwerty1234", "123qweasd", "123qweasdzxc",
        "gfhjkm", "vfrcbv", "ytyfdbcnm", "cjkysirj", "ckfdf", "ktyf", "fyfcnfcbz", "fylhtq", "rfhbyf", "ghbdtn",
        "nfnmzyf", "jkmuf", "vfhbyf", "abcdef", "abcd1234", "abc12345", "letmein1", "trustme", "whatever",
        "school", "school123", "student", "teacher", "tabel", "tabel123", "journal", "diary", "demo", "demo1234",
    ]
}
