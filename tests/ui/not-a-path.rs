errcodes_runtime::errcodes!(specs::privacy);

fn main() {}
