public enum PlaceholderS {}
